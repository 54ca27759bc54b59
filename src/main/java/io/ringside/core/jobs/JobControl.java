package io.ringside.core.jobs;

import java.time.Instant;
import java.util.UUID;

/** A message on {@code ringside.jobs.control}; {@code action} is {@value #CANCEL} for now. */
public record JobControl(UUID jobId, String action, String requestedBy, Instant requestedAt) {

    public static final String CANCEL = "cancel";
}
