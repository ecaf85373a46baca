package com.acme.util;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A project's own suppression annotation, top-level in its own package, RUNTIME retention. */
@Retention(RetentionPolicy.RUNTIME)
public @interface SuppressHoist {
    String[] value();
}
