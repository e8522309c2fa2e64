package dev.agentavailability.lab;

/** The end-to-end paths with the lab's PLAINTEXT Kafka. */
class EndToEndTest extends EndToEndPaths {

    @Override
    Lab startLab() throws Exception {
        return LabFixture.start(3);
    }
}
