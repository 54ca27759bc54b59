/**
 * The Connections dialog: create, edit, clone, delete, import and export connection profiles,
 * test each backend, choose the active profile; and the password prompt used when no OS keyring
 * keeps secrets.
 */
package io.ringside.ui.profiles;
