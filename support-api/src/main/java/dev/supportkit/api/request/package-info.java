/**
 * Requests (заявки), the contacts (обращения) they are registered from, and their life cycle.
 */
package dev.supportkit.api.request;
