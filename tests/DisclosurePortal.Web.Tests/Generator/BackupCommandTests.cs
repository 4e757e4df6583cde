using DisclosurePortal.Tools;

namespace DisclosurePortal.Web.Tests.Generator;

/// <summary>The `backup` verb's command line (the same reader as `generate`: VerbArguments). No database needed.</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public void WithoutTheVerb_ThePortalStartsAsUsual() => Assert.Null(BackupCommand.From(["--urls", "http://127.0.0.1:5000"]));

    [Fact]
    public void TheTarget_IsTaken_AndHostSettingsPassedOn()
    {
        var command = BackupCommand.From(["backup", "--to", "/tmp/b.db", "--contentRoot", "/srv/portal", "--Database:DataFolder=/srv/data"])!;
        Assert.Null(command.Error);
        Assert.Equal("/tmp/b.db", command.Target);
        Assert.Equal(["--contentRoot", "/srv/portal", "--Database:DataFolder=/srv/data"], command.HostArguments);
        Assert.Null(command.ExitBeforeHost());
    }

    [Theory]
    [InlineData(new[] { "backup" }, "--to FILE is required.")]
    [InlineData(new[] { "backup", "--to" }, "--to needs a file name.")]
    [InlineData(new[] { "backup", "--to", "/tmp/b.db", "--bogus" }, "Unknown argument '--bogus'.")]
    public void BadArguments_AreRefusedWithAMessageAndTheUsage_ExitCode2(string[] args, string message)
    {
        var command = BackupCommand.From(args)!;
        Assert.Null(command.Target);
        Assert.StartsWith(message, command.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", command.Error, StringComparison.Ordinal);
        Assert.Equal(2, command.ExitBeforeHost());
    }
}
