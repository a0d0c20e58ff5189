using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>
/// Group commit for respondent saves: requests queue their part here, and one writer per process takes whatever is
/// waiting, writes it in one transaction, commits, and only then answers each request. Under load the cost of a
/// commit (the fsync on SQLite, the round trip and WAL flush on PostgreSQL) is shared by every save in the batch, and
/// saves never wait on each other's locks. A failing save fails alone: the batch is rolled back and retried one by one.
/// </summary>
public sealed class ResponseWriter(IServiceScopeFactory scopes, ILogger<ResponseWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private sealed record Pending(PartWrite Write, TaskCompletionSource<int?> Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private PartWriteSql? _sql;
    private DbConnection? _connection;

    /// <summary>The new version once committed, or null when the save may not apply (see <see cref="PartWrite"/>).</summary>
    public Task<int?> WriteAsync(PartWrite write)
    {
        var done = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(write, done)))
        {
            done.SetException(new InvalidOperationException("De opslag van antwoorden is gestopt."));
        }
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            _sql = PartWriteSql.For(db.Database.ProviderName!, db.Database.GetConnectionString()!);
        }
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(batch);
                await CommitAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Saves queued while the host stops are still written: their requests are waiting for the answer.
        _queue.Writer.TryComplete();
        while (Take(batch) > 0)
        {
            await CommitAsync(batch);
            batch.Clear();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private int Take(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
        return batch.Count;
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        int?[] results;
        try
        {
            results = await WriteBatchAsync(batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogWarning(ex, "Een groep van {Count} antwoorden kon niet samen worden opgeslagen; ze worden één voor één opgeslagen.", batch.Count);
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Antwoorden konden niet worden opgeslagen.");
            batch[0].Done.TrySetException(ex);
            return;
        }
        for (var n = 0; n < batch.Count; n++)
        {
            batch[n].Done.TrySetResult(results[n]);
        }
    }

    private async Task<int?[]> WriteBatchAsync(List<Pending> batch)
    {
        _connection ??= await _sql!.OpenAsync(CancellationToken.None);
        try
        {
            await using var transaction = await _connection.BeginTransactionAsync();
            var results = await _sql!.ExecuteAsync(_connection, transaction, [.. batch.Select(p => p.Write)], CancellationToken.None);
            await transaction.CommitAsync();
            return results;
        }
        catch
        {
            // The connection may be broken; the next batch opens a fresh one.
            await _connection.DisposeAsync();
            _connection = null;
            throw;
        }
    }
}
