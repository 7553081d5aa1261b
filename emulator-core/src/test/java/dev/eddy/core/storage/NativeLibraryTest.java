package dev.eddy.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {

    @Test
    void theCacheFolderIsNamedAfterTheRocksDbVersionMavenBuildsWith() throws IOException {
        Properties built = new Properties();
        try (InputStream in = NativeLibraryTest.class.getResourceAsStream("rocksdbjni.properties")) {
            built.load(in);
        }
        assertEquals(built.getProperty("version"), NativeLibrary.ROCKSDBJNI_VERSION,
                "update NativeLibrary.ROCKSDBJNI_VERSION with rocksdb.version in pom.xml");
    }
}
