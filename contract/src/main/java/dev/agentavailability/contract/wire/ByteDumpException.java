package dev.agentavailability.contract.wire;

/** A byte list that {@link ByteDump#parse} cannot read; names the token (counted from 1) and its text. */
public final class ByteDumpException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int tokenIndex;
    private final String token;

    public ByteDumpException(int tokenIndex, String token, String fault) {
        super(tokenIndex > 0 ? "token " + tokenIndex + " '" + token + "': " + fault : fault);
        this.tokenIndex = tokenIndex;
        this.token = token;
    }

    /** Position of the bad token, counted from 1; 0 when the fault is not one token's. */
    public int tokenIndex() {
        return tokenIndex;
    }

    /** The bad token as written, or null. */
    public String token() {
        return token;
    }
}
