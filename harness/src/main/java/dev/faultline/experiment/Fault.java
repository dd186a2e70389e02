package dev.faultline.experiment;

/** The kind of a fault and its parameters. */
public sealed interface Fault permits ToxicFault {

    /** The YAML key of this kind. */
    default String kindName() {
        Key key = getClass().getAnnotation(Key.class);
        return key == null ? getClass().getSimpleName() : key.value();
    }
}
