using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Email;

public static class EmailOutbox
{
    /// <summary>
    /// Adds an e-mail to the outbox of this unit of work; it is stored by the caller's SaveChanges, so the
    /// message exists exactly when the change that caused it does.
    /// </summary>
    public static OutboxMessage Enqueue(AppDbContext db, string to, string subject, string body, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var message = new OutboxMessage { To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };
        db.OutboxMessages.Add(message);
        return message;
    }
}
