namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>The checkout the tests run from: files the tests compare with (docs, seed data, views).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DisclosurePortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("DisclosurePortal.sln not found above the test assembly.");
    }
}
