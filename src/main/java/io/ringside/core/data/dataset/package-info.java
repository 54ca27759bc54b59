/**
 * The chunked dataset store: files (Fashion-MNIST / MNIST IDX or any opaque binary) cut into
 * standalone gzip chunks of at most 5 MiB in {@code datasets.dataset_chunk}, described by a
 * versioned manifest row in {@code datasets.dataset}. No JavaFX here: the console and the CLI
 * both drive {@link io.ringside.core.data.dataset.DatasetStore}.
 */
package io.ringside.core.data.dataset;
