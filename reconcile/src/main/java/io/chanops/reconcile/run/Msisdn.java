package io.chanops.reconcile.run;

/** Masks a mobile number for reports that leave finance: {@code 13812341234 -> 138****1234}. */
public final class Msisdn {
    private Msisdn() {}

    public static String mask(String msisdn) {
        int n = msisdn.length();
        if (n == 0) {
            return msisdn;
        }
        if (n < 8) {
            return "*".repeat(n);
        }
        return msisdn.substring(0, 3) + "*".repeat(n - 7) + msisdn.substring(n - 4);
    }
}
