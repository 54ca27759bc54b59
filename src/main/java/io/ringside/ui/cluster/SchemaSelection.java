package io.ringside.ui.cluster;

/** What is selected in the keyspace tree: a keyspace ({@code relation} null) or a table or view. */
public record SchemaSelection(String keyspace, String relation) {

    public static SchemaSelection keyspace(String keyspace) {
        return new SchemaSelection(keyspace, null);
    }

    public boolean isRelation() {
        return relation != null;
    }
}
