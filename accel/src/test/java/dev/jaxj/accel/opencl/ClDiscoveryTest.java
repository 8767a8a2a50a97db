package dev.jaxj.accel.opencl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClDiscoveryTest {
    @Test
    void listsThePlatformsAndTheirDevicesWithTheirProperties() {
        PoCl.assumeAvailable();
        List<ClPlatform> platforms = ClPlatform.all();
        assertFalse(platforms.isEmpty());
        List<ClDevice> devices = ClDevice.all();
        assertEquals(platforms.stream().mapToInt(p -> p.devices().size()).sum(), devices.size());
        for (ClDevice d : devices) {
            assertFalse(d.name().isBlank(), d.toString());
            assertFalse(d.types().isEmpty(), d.toString());
            assertTrue(d.version().startsWith("OpenCL "), d.version());
            assertTrue(d.openClCVersion().startsWith("OpenCL C "), d.openClCVersion());
            assertEquals(d.extensions().contains("cl_khr_fp64"), d.fp64());
            assertTrue(d.maxWorkGroupSize() >= 1, "max work-group size " + d.maxWorkGroupSize());
            // OpenCL 1.2's minimums for a full-profile device: 32 KiB of local memory, one compute unit.
            assertTrue(d.localMemBytes() >= 32 * 1024, "local memory " + d.localMemBytes());
            assertTrue(d.globalMemBytes() >= d.localMemBytes(), "global memory " + d.globalMemBytes());
            assertTrue(d.computeUnits() >= 1, "compute units " + d.computeUnits());
        }
    }

    @Test
    void poclListsItsCpuDeviceWithDoublePrecision() {
        PoCl.assumeAvailable();
        var pocl = ClDevice.all().stream().filter(d -> d.platform().name().equals("Portable Computing Language")).toList();
        if (pocl.isEmpty()) return; // another driver: the general properties above still hold
        ClDevice d = pocl.getFirst();
        assertTrue(d.types().contains(ClDevice.Type.CPU), d.toString());
        assertTrue(d.fp64(), "PoCL's CPU device lists cl_khr_fp64");
        assertTrue(d.name().startsWith("pthread") || d.name().startsWith("cpu"), d.name());
    }
}
