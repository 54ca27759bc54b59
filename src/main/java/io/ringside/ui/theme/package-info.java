/** Style classes, tones and the light/dark theme every feature's views share. */
package io.ringside.ui.theme;
