package io.ringside.core.connect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ringside.core.Json;
import io.ringside.core.NotFoundException;
import io.ringside.core.RingsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The connection profiles of a data folder, in {@code <data>/profiles.json}: a versioned JSON
 * document with snake_case fields and no secrets. The built-in {@code local} profile is never
 * stored and cannot be replaced or deleted. Writes go to a temporary file that is then moved over
 * the old one, so a crash never leaves half a file.
 */
public final class ProfileStore {

    public static final String FILE = "profiles.json";
    static final int VERSION = 1;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** The file's shape. */
    record ProfilesFile(int version, List<ConnectionProfile> profiles) {
    }

    private final Path file;

    public ProfileStore(Path dataFolder) {
        this.file = dataFolder.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The built-in local profile first, then the stored ones in file order. */
    public synchronized List<ConnectionProfile> list() {
        List<ConnectionProfile> all = new ArrayList<>();
        all.add(ConnectionProfile.local());
        all.addAll(stored().values());
        return List.copyOf(all);
    }

    /** True when no profile was ever stored: the first run, which selects and starts the local stack. */
    public synchronized boolean firstRun() {
        return !Files.exists(file);
    }

    public synchronized Optional<ConnectionProfile> find(String id) {
        if (ConnectionProfile.LOCAL.equals(id)) {
            return Optional.of(ConnectionProfile.local());
        }
        return Optional.ofNullable(stored().get(id));
    }

    /** @throws NotFoundException naming the profiles that exist */
    public ConnectionProfile get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Unknown profile '" + id + "' in " + file
                + "; known: " + list().stream().map(ConnectionProfile::id).toList()));
    }

    /** Adds or replaces a profile (matched by id). */
    public synchronized void save(ConnectionProfile profile) {
        checkId(profile.id());
        Map<String, ConnectionProfile> all = stored();
        all.put(profile.id(), profile);
        write(file, all.values());
    }

    public synchronized void delete(String id) {
        checkId(id);
        Map<String, ConnectionProfile> all = stored();
        if (all.remove(id) == null) {
            throw new NotFoundException("Unknown profile '" + id + "' in " + file);
        }
        write(file, all.values());
    }

    /** A fresh id derived from a name, not taken yet: "Prod EU" becomes {@code prod-eu}, then {@code prod-eu-2}. */
    public synchronized String newId(String name) {
        return freshId(name, stored());
    }

    private static String freshId(String name, Map<String, ConnectionProfile> taken) {
        String base = name == null ? "" : name.toLowerCase().replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "profile";
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String candidate = base;
        for (int n = 2; ConnectionProfile.LOCAL.equals(candidate) || taken.containsKey(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /**
     * A profile by id, else by name (ignoring case), as the CLI takes a NAME.
     *
     * @throws NotFoundException naming the profiles that exist
     */
    public synchronized ConnectionProfile resolve(String idOrName) {
        Optional<ConnectionProfile> byId = find(idOrName);
        if (byId.isPresent()) {
            return byId.get();
        }
        return list().stream().filter(p -> p.name().equalsIgnoreCase(idOrName.trim())).findFirst()
                .orElseThrow(() -> new NotFoundException("Unknown profile '" + idOrName + "' in " + file + "; known: "
                        + list().stream().map(p -> p.id() + " (" + p.name() + ")").toList()));
    }

    /** Writes the given profiles to {@code target} in the same format; secrets are never part of it. */
    public void export(List<ConnectionProfile> profiles, Path target) {
        write(target, profiles.stream().filter(p -> !p.isLocal()).toList());
    }

    /**
     * Reads profiles from an exported file and saves them; an id already taken gets a fresh one,
     * so an import never overwrites a profile silently.
     *
     * @return the profiles as saved
     * @throws RingsideException naming the file, line and column of a malformed document
     */
    public List<ConnectionProfile> importFrom(Path source) {
        return importFrom(source, OnConflict.RENAME).stream().filter(i -> i.outcome() != ImportOutcome.SKIPPED)
                .map(ImportedProfile::profile).toList();
    }

    /**
     * Reads profiles from an exported file and saves them, all in one write: the file is checked
     * whole before anything is saved. An imported profile conflicts with a stored one of the same id,
     * else of the same name (ignoring case); the built-in local profile is never replaced, so a
     * conflict with it is renamed even under {@link OnConflict#REPLACE}. A replaced profile keeps
     * its id, and so the passwords this machine stored for it.
     *
     * @return what became of each profile of the file, in file order
     * @throws RingsideException naming the file, line and column of a malformed document
     */
    public synchronized List<ImportedProfile> importFrom(Path source, OnConflict onConflict) {
        Map<String, ConnectionProfile> all = stored();
        List<ImportedProfile> outcomes = new ArrayList<>();
        for (ConnectionProfile profile : read(source, true)) {
            Optional<ConnectionProfile> conflict = conflictOf(profile, all);
            if (conflict.isEmpty()) {
                all.put(profile.id(), profile);
                outcomes.add(new ImportedProfile(profile, ImportOutcome.ADDED, null));
                continue;
            }
            ConnectionProfile met = conflict.get();
            if (onConflict == OnConflict.SKIP) {
                outcomes.add(new ImportedProfile(profile, ImportOutcome.SKIPPED, met));
            } else if (onConflict == OnConflict.REPLACE && !met.isLocal()) {
                ConnectionProfile replacing = profile.withId(met.id(), profile.name());
                all.put(met.id(), replacing);
                outcomes.add(new ImportedProfile(replacing, ImportOutcome.REPLACED, met));
            } else {
                String name = freshName(profile.name(), all);
                ConnectionProfile renamed = profile.withId(freshId(name, all), name);
                all.put(renamed.id(), renamed);
                outcomes.add(new ImportedProfile(renamed, ImportOutcome.RENAMED, met));
            }
        }
        write(file, all.values());
        return List.copyOf(outcomes);
    }

    /** What an import does with a profile that meets a stored one (same id, else same name). */
    public enum OnConflict { RENAME, REPLACE, SKIP }

    /** What became of one imported profile. */
    public enum ImportOutcome {
        ADDED("added"), RENAMED("renamed"), REPLACED("replaced"), SKIPPED("skipped");

        private final String label;

        ImportOutcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param profile  as saved (a renamed one under its new id and name), or as in the file when skipped
     * @param conflict the stored profile it met; null when it met none
     */
    public record ImportedProfile(ConnectionProfile profile, ImportOutcome outcome, ConnectionProfile conflict) {

        /** One line for the operator, e.g. "renamed: prod-eu-2 (Prod EU (2)), as prod-eu (Prod EU) exists". */
        public String describe() {
            String what = outcome.label() + ": " + profile.id() + " (" + profile.name() + ")";
            if (conflict == null) {
                return what;
            }
            String other = conflict.id() + " (" + conflict.name() + ")";
            return switch (outcome) {
                case REPLACED -> what + ", over the stored " + other;
                case SKIPPED -> what + ", as " + other + " exists";
                case RENAMED -> what + ", as " + other + " exists" + (conflict.isLocal() ? " and is built in" : "");
                case ADDED -> what;
            };
        }
    }

    private static Optional<ConnectionProfile> conflictOf(ConnectionProfile profile, Map<String, ConnectionProfile> all) {
        ConnectionProfile local = ConnectionProfile.local();
        if (local.id().equals(profile.id())) {
            return Optional.of(local);
        }
        if (all.containsKey(profile.id())) {
            return Optional.of(all.get(profile.id()));
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(local), all.values().stream())
                .filter(p -> p.name().equalsIgnoreCase(profile.name())).findFirst();
    }

    /** "Prod EU" becomes "Prod EU (2)", then "(3)", until no profile has that name. */
    private static String freshName(String name, Map<String, ConnectionProfile> all) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        taken.add(ConnectionProfile.local().name().toLowerCase(java.util.Locale.ROOT));
        all.values().forEach(p -> taken.add(p.name().toLowerCase(java.util.Locale.ROOT)));
        String candidate = name;
        for (int n = 2; taken.contains(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private Map<String, ConnectionProfile> stored() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        Map<String, ConnectionProfile> byId = new LinkedHashMap<>();
        read(file, false).forEach(profile -> byId.put(profile.id(), profile));
        return byId;
    }

    /** @param foreign an exported file, where a profile may carry the id {@code local} (it is renamed on import) */
    private static List<ConnectionProfile> read(Path source, boolean foreign) {
        ProfilesFile parsed;
        try {
            parsed = Json.mapper().readValue(source.toFile(), ProfilesFile.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new RingsideException(source + where + ": not a profiles file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RingsideException("Cannot read " + source + ": " + e.getMessage(), e);
        }
        if (parsed == null || parsed.profiles() == null) {
            throw new RingsideException(source + ": not a profiles file (no \"profiles\" list)");
        }
        if (parsed.version() > VERSION) {
            throw new RingsideException(source + " was written by a newer Ringside (profiles version "
                    + parsed.version() + ", this one reads " + VERSION + ")");
        }
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (int i = 0; i < parsed.profiles().size(); i++) {
            ConnectionProfile profile = parsed.profiles().get(i);
            if (profile == null || profile.id() == null || !ID.matcher(profile.id()).matches()
                    || (!foreign && ConnectionProfile.LOCAL.equals(profile.id()))) {
                throw new RingsideException(source + ": profile #" + (i + 1) + " has no valid id (lower-case letters, "
                        + "digits, '.', '_', '-'; 'local' is built in)");
            }
            profiles.add(profile);
        }
        return profiles;
    }

    private static void write(Path target, java.util.Collection<ConnectionProfile> profiles) {
        try {
            Json.writeAtomically(target, new ProfilesFile(VERSION, List.copyOf(profiles)));
        } catch (IOException e) {
            throw new RingsideException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void checkId(String id) {
        if (ConnectionProfile.LOCAL.equals(id)) {
            throw new RingsideException("The built-in 'local' profile cannot be changed or deleted; clone it instead");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new RingsideException("Invalid profile id '" + id + "': use lower-case letters, digits, '.', '_', '-'");
        }
    }
}
