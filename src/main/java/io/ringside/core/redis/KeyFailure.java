package io.ringside.core.redis;

/** A key an admin action could not act on, and why (e.g. it no longer exists). */
public record KeyFailure(byte[] key, String reason) {

    public String describe() {
        return KeyText.escape(key) + ": " + reason;
    }
}
