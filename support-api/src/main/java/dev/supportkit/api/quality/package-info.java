/** Quality control: tracking and closing requests (B/02.6, B/03.6, D/02.7). */
package dev.supportkit.api.quality;
