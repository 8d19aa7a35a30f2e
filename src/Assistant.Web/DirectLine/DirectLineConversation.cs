using System.Globalization;
using Assistant.Web.Bot;

namespace Assistant.Web.DirectLine;

/// <summary>What a client gets from one poll: the activities after its watermark and the new watermark.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>
/// One conversation's activity log. Each activity gets a sequence number, which is also its watermark;
/// the log keeps the newest <c>capacity</c> activities, and watermarks keep counting past dropped ones.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock gate = new();
    private readonly Queue<(long Sequence, Activity Activity)> log = new();
    private readonly HashSet<string> announcedMembers = new(StringComparer.Ordinal);
    private readonly int capacity;
    private long lastSequence;

    public DirectLineConversation(string id, int capacity, DateTimeOffset now)
    {
        Id = id;
        this.capacity = capacity;
        LastActive = now;
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
            log.Enqueue((lastSequence, activity));
            while (log.Count > capacity)
            {
                log.Dequeue();
            }

            LastActive = now;
            return activity.Id;
        }
    }

    /// <summary>The activities after <paramref name="watermark"/> (0 = from the start).</summary>
    public ActivitySet Since(long watermark, DateTimeOffset now)
    {
        lock (gate)
        {
            LastActive = now;
            var activities = log.Where(entry => entry.Sequence > watermark).Select(entry => entry.Activity).ToList();
            var newWatermark = Math.Max(watermark, activities.Count > 0 ? lastSequence : 0);
            return new ActivitySet(activities, newWatermark.ToString(CultureInfo.InvariantCulture));
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
            return announcedMembers.Count < capacity && announcedMembers.Add(memberId);
        }
    }
}
