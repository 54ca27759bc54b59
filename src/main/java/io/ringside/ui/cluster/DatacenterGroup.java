package io.ringside.ui.cluster;

import io.ringside.core.cassandra.NodeStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The nodes of one data centre by rack, as the Nodes tab shows them: a cluster spread over data
 * centres is read by place first (which data centre lost a node, does the local one still have a
 * quorum), and a flat list sorted by address mixes them. The client's local data centre comes first.
 *
 * @param local whether this is the data centre the client's requests go to (the profile's local DC)
 */
public record DatacenterGroup(String datacenter, boolean local, List<Rack> racks) {

    /** Nodes without a data centre or rack (not yet gossiped) are shown under this name. */
    static final String UNKNOWN = "?";

    public DatacenterGroup {
        racks = List.copyOf(racks);
    }

    /** One rack's nodes, by address. */
    public record Rack(String rack, List<NodeStatus> nodes) {

        public Rack {
            nodes = List.copyOf(nodes);
        }
    }

    public List<NodeStatus> nodes() {
        return racks.stream().flatMap(r -> r.nodes().stream()).toList();
    }

    public long upCount() {
        return nodes().stream().filter(NodeStatus::up).count();
    }

    /** Groups by data centre, then rack: the local data centre first, the others and all racks by name. */
    public static List<DatacenterGroup> of(List<NodeStatus> nodes, String localDatacenter) {
        Map<String, Map<String, List<NodeStatus>>> byPlace = nodes.stream().collect(Collectors.groupingBy(
                n -> nameOf(n.datacenter()), TreeMap::new,
                Collectors.groupingBy(n -> nameOf(n.rack()), TreeMap::new, Collectors.toList())));
        List<DatacenterGroup> groups = new ArrayList<>();
        byPlace.forEach((dc, racks) -> groups.add(new DatacenterGroup(dc, dc.equals(localDatacenter),
                racks.entrySet().stream().map(rack -> new Rack(rack.getKey(), rack.getValue().stream()
                        .sorted(Comparator.comparing(NodeStatus::address)).toList())).toList())));
        groups.sort(Comparator.comparing((DatacenterGroup g) -> !g.local()));
        return groups;
    }

    private static String nameOf(String place) {
        return place == null || place.isBlank() ? UNKNOWN : place;
    }
}
