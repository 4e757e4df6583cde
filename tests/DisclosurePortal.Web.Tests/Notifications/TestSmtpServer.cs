using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DisclosurePortal.Web.Tests.Notifications;

/// <summary>
/// A real SMTP server on loopback, speaking just enough of RFC 5321 for MailKit (EHLO/HELO, MAIL FROM, RCPT TO, DATA,
/// RSET, NOOP, QUIT), keeping each message's envelope and raw text. <see cref="Stop"/> closes the port (an outage);
/// <see cref="Start"/> opens it again on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private readonly ConcurrentQueue<ReceivedMail> _received = new();

    public TestSmtpServer()
    {
        // A free port, then kept: the portal's settings name it before the server first listens.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }
    public IReadOnlyCollection<ReceivedMail> Received => _received.ToArray();

    public void Start()
    {
        if (_listener is not null) return;
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Stop()
    {
        _stop?.Cancel();
        _listener?.Stop();
        _listener = null;
    }

    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (_received.FirstOrDefault(match) is { } mail) return mail;
            await Task.Delay(50);
        }
        throw new TimeoutException("No matching mail reached the test SMTP server.");
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client, ct);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, new UTF8Encoding(false));
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 localhost test SMTP");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Path(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Path(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(ct) is { } d && d != ".")
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        _received.Enqueue(new ReceivedMail(from ?? "", [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away, or the server stopped
        }
    }

    private static string Path(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}

/// <summary>What the server received: the envelope and the message as sent (headers and body, MIME-encoded).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The message parsed back (MimeKit), for its subject and decoded text.</summary>
    public MimeKit.MimeMessage Message()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Data));
        return MimeKit.MimeMessage.Load(stream);
    }
}
