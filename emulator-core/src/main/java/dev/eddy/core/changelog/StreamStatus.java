package dev.eddy.core.changelog;

/** A stream's status as DescribeStream reports it; Eddy's changes are instant, so ENABLED or DISABLED. */
public enum StreamStatus { ENABLING, ENABLED, DISABLING, DISABLED }
