/**
 * The local-stack page: starts the stack of real servers in this process or attaches to the
 * process that supervises it, and shows each server's progress and state.
 */
package io.ringside.ui.stack;
