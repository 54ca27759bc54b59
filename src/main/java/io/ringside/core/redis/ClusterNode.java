package io.ringside.core.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a Redis Cluster as a line of {@code CLUSTER NODES} describes it: what the Cache
 * page's node list shows, and what {@link ClusterMasters} picks the masters to scan from. After a
 * failover the promoted replica says {@code master} and its dead master {@code master,fail} with no
 * slots left, so a reader of the same answer sees both.
 *
 * @param id         the node's cluster id
 * @param address    {@code host:port} of its clients' port (empty for a node without an address)
 * @param flags      as listed, e.g. {@code myself,master} or {@code master,fail}
 * @param masterId   the id of the master a replica follows, else {@code -}
 * @param slotRanges the slots it serves as {@code {first, last}} pairs; a slot being migrated
 *                   or imported ({@code [slot->-id]}) stays with the master serving it now
 */
public record ClusterNode(String id, String address, List<String> flags, String masterId, List<int[]> slotRanges) {

    private static final String FAIL = "fail";

    /** The nodes of a {@code CLUSTER NODES} answer, in its order; lines too short to be a node are skipped. */
    public static List<ClusterNode> parse(String clusterNodes) {
        List<ClusterNode> nodes = new ArrayList<>();
        for (String line : clusterNodes.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 3) {
                continue;
            }
            nodes.add(new ClusterNode(fields[0], fields[1].split("[@,]")[0], List.of(fields[2].split(",")),
                    fields.length > 3 ? fields[3] : "-", slotRanges(fields)));
        }
        return nodes;
    }

    /** Whether it is a master now (else a replica). */
    public boolean master() {
        return flags.contains("master");
    }

    /** {@code master} or {@code replica}. */
    public String role() {
        return master() ? "master" : "replica";
    }

    /**
     * {@code failed} (agreed down by the cluster), {@code suspected} (down as the answering node
     * sees it), {@code handshake}, {@code no address}, else {@code ok}.
     */
    public String state() {
        return flags.contains("noaddr") ? "no address" : flags.contains(FAIL) ? "failed"
                : flags.contains("fail?") ? "suspected" : flags.contains("handshake") ? "handshake" : "ok";
    }

    /** How many hash slots it serves. */
    public int slots() {
        return slotRanges.stream().mapToInt(range -> range[1] - range[0] + 1).sum();
    }

    /** A master that is neither agreed down nor without an address: one whose keys can be scanned. */
    boolean reachableMaster() {
        return master() && !flags.contains(FAIL) && !flags.contains("noaddr");
    }

    private static List<int[]> slotRanges(String[] fields) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 8; i < fields.length; i++) {
            String slots = fields[i];
            if (slots.isEmpty() || slots.startsWith("[")) {
                continue;
            }
            int dash = slots.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? slots : slots.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(slots.substring(dash + 1));
            ranges.add(new int[] {first, last});
        }
        return List.copyOf(ranges);
    }
}
