package dev.supportkit.notify.sms;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsmpp.SMPPConstant;

/**
 * SMPP command_status values: their names (from jSMPP's {@link SMPPConstant}) and whether a submit_sm
 * rejected with one may succeed later.
 */
final class SmppStatus {
    private static final Map<Integer, String> NAMES = names();

    /**
     * Statuses after which the same message will never be accepted: bad addresses, bad parameters, a
     * message the SMSC refuses for good.
     */
    private static final Set<Integer> PERMANENT = Set.of(
            SMPPConstant.STAT_ESME_RINVMSGLEN, SMPPConstant.STAT_ESME_RINVCMDLEN, SMPPConstant.STAT_ESME_RINVCMDID,
            SMPPConstant.STAT_ESME_RINVPRTFLG, SMPPConstant.STAT_ESME_RINVREGDLVFLG,
            SMPPConstant.STAT_ESME_RINVSRCADR, SMPPConstant.STAT_ESME_RINVDSTADR, SMPPConstant.STAT_ESME_RINVSERTYP,
            SMPPConstant.STAT_ESME_RINVESMCLASS, SMPPConstant.STAT_ESME_RINVSRCTON, SMPPConstant.STAT_ESME_RINVSRCNPI,
            SMPPConstant.STAT_ESME_RINVDSTTON, SMPPConstant.STAT_ESME_RINVDSTNPI, SMPPConstant.STAT_ESME_RINVSCHED,
            SMPPConstant.STAT_ESME_RINVEXPIRY, SMPPConstant.STAT_ESME_RINVDFTMSGID, SMPPConstant.STAT_ESME_RX_P_APPN,
            SMPPConstant.STAT_ESME_RX_R_APPN, SMPPConstant.STAT_ESME_RINVTLVSTREAM, SMPPConstant.STAT_ESME_RTLVNOTALLWD,
            SMPPConstant.STAT_ESME_RINVTLVLEN, SMPPConstant.STAT_ESME_RMISSINGTLV, SMPPConstant.STAT_ESME_RINVTLVVAL,
            SMPPConstant.STAT_ESME_RSERTYPUNAUTH, SMPPConstant.STAT_ESME_RPROHIBITED,
            SMPPConstant.STAT_ESME_RSERTYPDENIED, SMPPConstant.STAT_ESME_RINVDCS,
            SMPPConstant.STAT_ESME_RINVSRCADDRSUBUNIT, SMPPConstant.STAT_ESME_RINVDSTADDRSUBUNIT);

    private SmppStatus() {
    }

    /**
     * Tells whether a submit_sm rejected with this status must not be retried. Everything not known to
     * be permanent (throttling, a full queue, system errors, vendor-specific codes) is temporary.
     *
     * @param status the command_status of the response
     * @return true for a permanent rejection
     */
    static boolean isPermanent(int status) {
        return PERMANENT.contains(status);
    }

    /**
     * Describes a status for the journal, e.g. {@code ESME_RINVDSTADR (0x0000000b)}.
     *
     * @param status the command_status
     * @return its name and hex value
     */
    static String describe(int status) {
        return NAMES.getOrDefault(status, "status") + " (" + String.format("0x%08x", status) + ")";
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new TreeMap<>();
        for (Field field : SMPPConstant.class.getFields()) {
            if (field.getName().startsWith("STAT_ESME_") && field.getType() == int.class
                    && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName().substring("STAT_".length()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
