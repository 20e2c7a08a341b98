package org.crossdefect.core.error;

/** A setting with a value the engine cannot use; {@link #setting()} names it, the message says why. */
public final class InvalidSettingException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the setting's key (as the CLI option and the KNIME node name it, without
     *     dashes in front)
     * @param message what is wrong and what values are accepted
     */
    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /**
     * @throws InvalidSettingException for {@code setting} with {@code message} unless {@code valid}
     */
    public static void require(boolean valid, String setting, String message) {
        if (!valid) {
            throw new InvalidSettingException(setting, message);
        }
    }

    public String setting() {
        return setting;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_SETTING;
    }
}
