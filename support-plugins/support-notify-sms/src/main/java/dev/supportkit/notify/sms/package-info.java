/**
 * The {@code sms} notification channel: SMS over SMPP 3.4 (jSMPP), bound as a transmitter. Text that
 * fits the GSM 7-bit default alphabet goes as GSM, anything else as UCS-2; long text is split into
 * concatenated parts with a user data header. Entry point:
 * {@link dev.supportkit.notify.sms.SmsChannelFactory}.
 */
package dev.supportkit.notify.sms;
