/**
 * Services over the three backends and the local stack. Nothing here imports JavaFX: the console
 * and the CLI are two faces of these classes (an architecture test enforces it).
 */
package io.ringside.core;
