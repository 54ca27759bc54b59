package io.ringside.core.jobs;

/**
 * What a cancel did. {@code before} is the job's newest event when it was asked (a final one:
 * nothing was sent); {@code end} is its final event when the job ended while the cancel waited,
 * else null (the request stands, a worker stops the job at its next chunk). {@code endedHere}
 * says the caller wrote that final {@code cancelled} event itself, because no worker was left to
 * run the job (its worker was killed and none took it over).
 */
public record CancelOutcome(ProgressEvent before, ProgressEvent end, boolean endedHere) {
}
