package com.pulsevault.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Anonymises a client address for the audit trail: IPv4 keeps its /24, IPv6 its /48. */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientAddress() {
    }

    public static String anonymise(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        // only literals are parsed: InetAddress would otherwise resolve a (spoofable) host name
        if (!IPV4.matcher(a).matches() && !(a.contains(":") && IPV6.matcher(a).matches())) {
            return "unknown";
        }
        try {
            byte[] b = InetAddress.getByName(a).getAddress();
            if (b.length == 4) {
                return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0";
            }
            return String.format("%x:%x:%x::", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
