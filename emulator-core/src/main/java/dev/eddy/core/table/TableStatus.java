package dev.eddy.core.table;

public enum TableStatus { CREATING, UPDATING, DELETING, ACTIVE }
