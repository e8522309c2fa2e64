package dev.agentavailability.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/wire-layouts.md shows the catalogue as it is. */
class WireLayoutsDocTest {

    @Test
    void theDocumentedTableIsTheCatalogue() throws Exception {
        Path doc = Path.of("..", "docs", "wire-layouts.md");
        Assumptions.assumeTrue(Files.exists(doc), "docs/wire-layouts.md is beside the contract module");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(text).contains("## CTI wire layouts").contains(MessageLayouts.standard().markdownTable());
    }
}
