/** {@code console --view V --snapshot FILE.png}: one page rendered to a PNG once its data has loaded. */
package io.ringside.ui.snapshot;
