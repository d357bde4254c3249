/**
 * Resolution of problems and joint sign-off (C/02.6, C/03.6); the failure register of equipment failures and their
 * causes (C/03.6).
 */
package dev.supportkit.api.resolution;
