/**
 * The {@code voice} notification channel: a call originated through the Asterisk Manager Interface
 * (asterisk-java), answered by a dialplan that reads the message out (text to speech) or connects the
 * callee to an operator. Entry point: {@link dev.supportkit.notify.voice.VoiceChannelFactory}.
 */
package dev.supportkit.notify.voice;
