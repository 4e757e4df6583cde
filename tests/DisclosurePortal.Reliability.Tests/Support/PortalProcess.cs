using System.Diagnostics;
using System.Reflection;

namespace DisclosurePortal.Reliability.Tests.Support;

/// <summary>
/// The portal as an operator runs it: <c>dotnet DisclosurePortal.Web.dll --urls …</c> in a process of its own
/// (the `dotnet` host runs the app in that same process, so killing it kills the server, no wrapper in between).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private PortalProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the portal wrote (for a failure message).</summary>
    public string OutputTail
    {
        get { lock (_output) return string.Join('\n', _output); }
    }

    /// <summary>Starts the portal on <paramref name="port"/> with these settings and waits until /healthz answers 200.</summary>
    public static async Task<PortalProcess> StartAsync(int port, IEnumerable<string> settings, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = PortalPaths.WebProject,
        };
        start.ArgumentList.Add(PortalPaths.WebDll);
        foreach (var a in new[] { "--urls", $"http://127.0.0.1:{port}", "--contentRoot", PortalPaths.WebProject, "--environment", "Production" })
            start.ArgumentList.Add(a);
        start.ArgumentList.Add("--Serilog:MinimumLevel:Default=Warning");
        foreach (var s in settings) start.ArgumentList.Add(s);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(120));
        return portal;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed by the app; what the database has committed is all that is left.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false); // on Unix: kill(pid, SIGKILL)
        _process.WaitForExit();
    }

    /// <summary>SIGTERM and wait: the host's graceful shutdown.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        SendSignal(_process.Id, SigTerm);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the portal exited with code {_process.ExitCode} while starting:\n{OutputTail}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy migrating or seeding
            }
            await Task.Delay(200);
        }
        Kill();
        throw new TimeoutException($"the portal did not answer /healthz within {timeout}:\n{OutputTail}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 60) _output.Dequeue();
        }
    }

    private static void SendSignal(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

/// <summary>Where the repository and the portal's build output are.</summary>
public static class PortalPaths
{
    public static string Root { get; } = FindRoot();
    public static string WebProject => Path.Combine(Root, "src", "DisclosurePortal.Web");

    /// <summary>The portal built in the same configuration as these tests (the project reference builds it first).</summary>
    public static string WebDll => Built("DisclosurePortal.Web");

    /// <summary>The portal's tools (backup, generate), built as the portal is.</summary>
    public static string ToolsDll => Built("DisclosurePortal.Tools");

    private static string Built(string project)
    {
        var configuration = typeof(PortalPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var dll = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build {project} first ({configuration})", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DisclosurePortal.sln"))) return dir.FullName;
        throw new InvalidOperationException($"DisclosurePortal.sln not found above {AppContext.BaseDirectory}");
    }
}
