package io.awssso.api.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * StartDeviceAuthorization's answer. {@code toString()} never shows the device code.
 *
 * @param deviceCode the code to poll CreateToken with (a secret)
 * @param userCode the code the user confirms in the browser
 * @param verificationUri the page where the user enters the code
 * @param verificationUriComplete the page with the code filled in
 * @param expiresIn how long the codes stay valid
 * @param interval how long to wait between polls
 */
public record DeviceAuthorization(
        String deviceCode,
        String userCode,
        String verificationUri,
        String verificationUriComplete,
        Duration expiresIn,
        Duration interval) {

    /** Checks the codes; a missing or non-positive interval becomes five seconds. */
    public DeviceAuthorization {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        expiresIn = expiresIn == null ? Duration.ofMinutes(10) : expiresIn;
        interval = interval == null || interval.isZero() || interval.isNegative()
                ? Duration.ofSeconds(5) : interval;
    }

    @Override
    public String toString() {
        return "DeviceAuthorization[deviceCode=****, userCode=" + userCode + ", verificationUri="
                + verificationUri + ", expiresIn=" + expiresIn + ", interval=" + interval + "]";
    }
}
