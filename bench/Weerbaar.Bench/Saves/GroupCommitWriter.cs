using System.Threading.Channels;

namespace Weerbaar.Bench.Saves;

/// <summary>
/// The floor with group commit (<c>--floor group</c>): saves queue up, and the single writer takes everything that is
/// waiting and upserts it in one transaction, so one commit (one WAL sync) answers a whole batch. Each save is still
/// committed before it is answered.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private sealed record Pending(FloorSave Save, TaskCompletionSource<int> Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IFloorStore _store;
    private readonly Task _loop;

    public GroupCommitWriter(IFloorStore store)
    {
        _store = store;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Batches committed and saves in them, for the report.</summary>
    public long Batches { get; private set; }

    public long Saves { get; private set; }

    public Task<int> SaveAsync(string token, int part, string answersJson)
    {
        var pending = new Pending(new FloorSave(token, part, answersJson), new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException<int>(new InvalidOperationException("The floor writer has stopped."));
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                var versions = await _store.UpsertBatchAsync(batch.Select(p => p.Save).ToList(), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(versions[i]);
                }
                Batches++;
                Saves += batch.Count;
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
