using System.Diagnostics;
using DisclosurePortal.Tools.Generator;

namespace DisclosurePortal.Web.Tests.Generator;

/// <summary>The `generate` verb's command line: what it takes, what it passes to the host, what it refuses. No database needed.</summary>
public sealed class GenerateCommandTests
{
    [Fact]
    public void WithoutTheVerb_ThePortalStartsAsUsual()
    {
        Assert.Null(GenerateCommand.From([]));
        Assert.Null(GenerateCommand.From(["--urls", "http://127.0.0.1:5000"]));
    }

    [Fact]
    public void Defaults_AreAMillionRecords_AndATenthAsManyCases()
    {
        var command = GenerateCommand.From(["generate"])!;
        Assert.Null(command.Error);
        Assert.Equal(new GeneratorOptions(1_000_000, 100_000), command.Options);
        Assert.Equal(["--Seed:DemoData=false"], command.HostArguments);
    }

    [Fact]
    public void OwnOptionsAreTaken_HostSettingsPassedOn_DemoDataOff()
    {
        var command = GenerateCommand.From(
            ["generate", "--records", "2,000", "--cases=500", "--Database:DataFolder=/tmp/x", "--Database:Provider", "PostgreSQL", "--environment", "Production"])!;
        Assert.Null(command.Error);
        Assert.Equal(new GeneratorOptions(2_000, 500), command.Options);
        Assert.Equal(["--Database:DataFolder=/tmp/x", "--Database:Provider", "PostgreSQL", "--environment", "Production", "--Seed:DemoData=false"], command.HostArguments);
    }

    [Theory]
    [InlineData("--records", "abc", "--records must be a whole number from 20 to 5,000,000 (got 'abc').")]
    [InlineData("--records", "-5", "--records must be a whole number from 20 to 5,000,000 (got '-5').")]
    [InlineData("--records", "19", "--records must be a whole number from 20 to 5,000,000 (got '19').")]
    [InlineData("--records", "99999999999", "--records must be a whole number from 20 to 5,000,000 (got '99999999999').")]
    [InlineData("--records", "1.5", "--records must be a whole number from 20 to 5,000,000 (got '1.5').")]
    [InlineData("--cases", "-1", "--cases must be a whole number from 0 to 1,000,000 (got '-1').")]
    [InlineData("--recrods", "5", "Unknown argument '--recrods'.")]
    public void BadArguments_AreRefusedWithAMessageAndTheUsage(string option, string value, string message)
    {
        var command = GenerateCommand.From(["generate", option, value])!;
        Assert.Null(command.Options);
        Assert.StartsWith(message, command.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingValue_IsRefused()
    {
        Assert.StartsWith("--records must be a whole number from 20 to 5,000,000 (got nothing).", GenerateCommand.From(["generate", "--records"])!.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", 2)]
    [InlineData("-5", 2)]
    public async Task TheProcess_ExitsNonZero_WithTheMessage_AndNoStackTrace(string records, int exitCode)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "DisclosurePortal.Tools.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [app, "generate", "--records", records])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(exitCode, process.ExitCode);
        Assert.StartsWith($"--records must be a whole number from 20 to 5,000,000 (got '{records}').", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + await stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }
}
