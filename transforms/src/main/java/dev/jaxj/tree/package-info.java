/**
 * Pytrees: nested containers whose leaves are arrays (or any other non-container value).
 */
package dev.jaxj.tree;
