using System.Collections.Concurrent;
using System.Net;

namespace DisclosurePortal.Reliability.Tests.Support;

/// <summary>
/// Several anonymous applicants submitting /apply as fast as the portal answers, through kills and restarts. Every
/// submission ends in exactly one of: acknowledged (303 to the receipt with its 查询码), answered otherwise (any other
/// status: a defect here, the form is valid and the limit is raised), or in doubt (no answer: the server died or was down).
/// Only the acknowledged ones are promised to the applicant, so only they must survive.
/// </summary>
public sealed class ApplicationStream(Uri baseAddress, int clients, string tag)
{
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentQueue<string> _otherAnswers = new();
    private int _inDoubt;

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;
    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Answers that were neither an acknowledgement nor no answer, e.g. "500 /apply".</summary>
    public IReadOnlyCollection<string> OtherAnswers => _otherAnswers;

    public int InDoubt => Volatile.Read(ref _inDoubt);

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, stop), CancellationToken.None)));

    /// <summary>Waits until at least <paramref name="count"/> submissions have been acknowledged in all.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AcknowledgedCount < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"only {AcknowledgedCount} of {count} acknowledged; other answers: {string.Join(", ", _otherAnswers.Take(5))}");
            await Task.Delay(20);
        }
    }

    private async Task ClientAsync(int index, CancellationToken stop)
    {
        using var client = new FormClient(baseAddress, TimeSpan.FromSeconds(20));
        string? token = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // The token stays valid across restarts (the keys folder is kept), but after an error it is fetched again.
                token ??= await client.TokenFromAsync("/apply", stop);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Pause(stop);
                continue;
            }

            HttpResponseMessage response;
            try
            {
                response = await client.PostAsync("/apply", token, Applicant.Form($"{tag}-c{index}"), CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _inDoubt);
                token = null;
                await Pause(stop);
                continue;
            }
            using (response)
            {
                if (Applicant.AcknowledgedCode(response) is { } code) _acknowledged.Enqueue(code);
                else
                {
                    _otherAnswers.Enqueue($"{(int)response.StatusCode} {response.Headers.Location}");
                    token = null;
                    if (response.StatusCode == HttpStatusCode.TooManyRequests) await Pause(stop);
                }
            }
        }
    }

    private static async Task Pause(CancellationToken stop)
    {
        try
        {
            await Task.Delay(50, stop);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
