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
        String base = name == null ? "" : name.toLowerCase().replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "profile";
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String candidate = base;
        for (int n = 2; find(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
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
    public synchronized List<ConnectionProfile> importFrom(Path source) {
        List<ConnectionProfile> imported = new ArrayList<>();
        for (ConnectionProfile profile : read(source).values()) {
            String id = find(profile.id()).isPresent() ? newId(profile.name()) : profile.id();
            ConnectionProfile saved = profile.withId(id, profile.name());
            save(saved);
            imported.add(saved);
        }
        return imported;
    }

    private Map<String, ConnectionProfile> stored() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        return read(file);
    }

    private static Map<String, ConnectionProfile> read(Path source) {
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
        Map<String, ConnectionProfile> byId = new LinkedHashMap<>();
        for (int i = 0; i < parsed.profiles().size(); i++) {
            ConnectionProfile profile = parsed.profiles().get(i);
            if (profile == null || profile.id() == null || !ID.matcher(profile.id()).matches()
                    || ConnectionProfile.LOCAL.equals(profile.id())) {
                throw new RingsideException(source + ": profile #" + (i + 1) + " has no valid id (lower-case letters, "
                        + "digits, '.', '_', '-'; 'local' is built in)");
            }
            byId.put(profile.id(), profile);
        }
        return byId;
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
