using System.Globalization;
using System.Text.Json;
using Assistant.Web.Bot;

namespace Assistant.Web.DirectLine;

/// <summary>What a client gets from one poll: the activities after its watermark and the new watermark.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>How much of a conversation's log is kept, and how much one poll returns.</summary>
public sealed record ConversationLimits(int MaxActivities, int MaxBytes, int MaxActivitiesPerPoll);

/// <summary>One logged activity with its sequence number (its watermark) and its size as UTF-8 JSON.</summary>
public sealed record LoggedActivity(long Sequence, Activity Activity, int Bytes);

/// <summary>A conversation's whole state, as a shared store keeps it between requests.</summary>
public sealed record ConversationSnapshot(string Id, long LastSequence, IReadOnlyList<LoggedActivity> Log, IReadOnlyList<string> AnnouncedMembers, DateTimeOffset LastActive);

/// <summary>
/// One conversation's activity log. Each activity gets a sequence number, which is also its watermark; the log keeps the
/// newest activities within <see cref="ConversationLimits"/> (count and UTF-8 JSON bytes; the newest is always kept), and
/// watermarks keep counting past dropped ones.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock gate = new();
    private readonly Queue<LoggedActivity> log = new();
    private readonly HashSet<string> announcedMembers = new(StringComparer.Ordinal);
    private readonly ConversationLimits limits;
    private long lastSequence;
    private long bytes;

    public DirectLineConversation(string id, ConversationLimits limits, DateTimeOffset now)
    {
        Id = id;
        this.limits = limits;
        LastActive = now;
    }

    /// <summary>The conversation as it was saved, under today's limits (a smaller limit trims it on the next append).</summary>
    public static DirectLineConversation FromSnapshot(ConversationSnapshot snapshot, ConversationLimits limits)
    {
        var conversation = new DirectLineConversation(snapshot.Id, limits, snapshot.LastActive) { lastSequence = snapshot.LastSequence };
        foreach (var entry in snapshot.Log)
        {
            conversation.log.Enqueue(entry);
            conversation.bytes += entry.Bytes;
        }

        conversation.announcedMembers.UnionWith(snapshot.AnnouncedMembers);
        return conversation;
    }

    public string Id { get; }

    public DateTimeOffset LastActive { get; private set; }

    /// <summary>Gives the activity its id (<c>{conversationId}|{sequence}</c>, as Direct Line does) and appends it.</summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (gate)
        {
            lastSequence++;
            activity.Id = $"{Id}|{lastSequence.ToString("D7", CultureInfo.InvariantCulture)}";
            var size = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options).Length;
            log.Enqueue(new LoggedActivity(lastSequence, activity, size));
            bytes += size;
            while (log.Count > limits.MaxActivities || (bytes > limits.MaxBytes && log.Count > 1))
            {
                bytes -= log.Dequeue().Bytes;
            }

            LastActive = now;
            return activity.Id;
        }
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> (0 = from the start), at most a page of them; the watermark
    /// returned is that of the last one given, so the next poll continues where this one stopped.
    /// </summary>
    public ActivitySet Since(long watermark, DateTimeOffset now)
    {
        lock (gate)
        {
            LastActive = now;
            var page = log.Where(entry => entry.Sequence > watermark).Take(limits.MaxActivitiesPerPoll).ToList();
            var newWatermark = page.Count > 0 ? page[^1].Sequence : watermark;
            return new ActivitySet(page.Select(entry => entry.Activity).ToList(), newWatermark.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// True the first time a member id is seen, so the bot hears of each member once (conversationUpdate). Bounded
    /// like the log: a client inventing sender ids cannot grow it, nor make the bot greet without end.
    /// </summary>
    public bool Announce(string memberId)
    {
        lock (gate)
        {
            return announcedMembers.Count < limits.MaxActivities && announcedMembers.Add(memberId);
        }
    }

    public ConversationSnapshot ToSnapshot()
    {
        lock (gate)
        {
            return new ConversationSnapshot(Id, lastSequence, log.ToList(), announcedMembers.ToList(), LastActive);
        }
    }
}
