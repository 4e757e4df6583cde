using System.Globalization;

namespace DisclosurePortal.Reliability.Tests.Support;

/// <summary>The loopback ports the tests start the portal on: DP_RELIABILITY_PORT (default 5191) and the next few.</summary>
public static class Ports
{
    public static int Base { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("DP_RELIABILITY_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 5191;

    public static int Main => Base;

    /// <summary>For a second portal running next to the first (the one started on a restored backup).</summary>
    public static int Second => Base + 1;
}
