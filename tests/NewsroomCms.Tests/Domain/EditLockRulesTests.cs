using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Domain;

/// <summary>The soft edit lock's rules: free, expired, mine, someone else's; taking and keeping it.</summary>
public sealed class EditLockRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 14, 40, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static ArticleEditLock Lock(string userId, TimeSpan heartbeatAgo, TimeSpan? acquiredAgo = null) => new()
    {
        ArticleId = 7,
        UserId = userId,
        AcquiredAt = Now - (acquiredAgo ?? heartbeatAgo),
        HeartbeatAt = Now - heartbeatAgo,
    };

    [Fact]
    public void NoLockIsFree()
    {
        Assert.Equal(EditLockState.Free, EditLockRules.StateFor(null, "ha", Now, Timeout));
        Assert.True(EditLockRules.MayTake(EditLockState.Free));
    }

    [Fact]
    public void ALiveLockIsMineOrSomeoneElses()
    {
        var held = Lock("ha", TimeSpan.FromSeconds(30));

        Assert.Equal(EditLockState.Mine, EditLockRules.StateFor(held, "ha", Now, Timeout));
        Assert.Equal(EditLockState.HeldByOther, EditLockRules.StateFor(held, "minh", Now, Timeout));
        Assert.True(EditLockRules.MayTake(EditLockState.Mine));
        Assert.False(EditLockRules.MayTake(EditLockState.HeldByOther));
    }

    [Theory]
    [InlineData(119, EditLockState.HeldByOther)]
    [InlineData(120, EditLockState.Expired)]
    [InlineData(3600, EditLockState.Expired)]
    public void ALockRunsOutTimeoutAfterItsLastHeartbeat(int secondsAgo, EditLockState expected)
    {
        var held = Lock("ha", TimeSpan.FromSeconds(secondsAgo), acquiredAgo: TimeSpan.FromHours(2));

        Assert.Equal(expected, EditLockRules.StateFor(held, "minh", Now, Timeout));
    }

    [Fact]
    public void MyOwnLockThatRanOutIsExpiredToo()
    {
        var held = Lock("ha", TimeSpan.FromMinutes(5));

        Assert.Equal(EditLockState.Expired, EditLockRules.StateFor(held, "ha", Now, Timeout));
        Assert.True(EditLockRules.MayTake(EditLockState.Expired));
    }

    [Fact]
    public void AHeartbeatFromAClockAheadKeepsTheLockAlive()
    {
        var held = Lock("ha", TimeSpan.FromSeconds(-10));

        Assert.Equal(EditLockState.HeldByOther, EditLockRules.StateFor(held, "minh", Now, Timeout));
    }

    [Fact]
    public void KeepingMyLockMovesTheHeartbeatButNotTheTimeItWasTaken()
    {
        var held = Lock("ha", TimeSpan.FromSeconds(30), acquiredAgo: TimeSpan.FromMinutes(40));

        var kept = EditLockRules.Taken(held, 7, "ha", Now, Timeout);

        Assert.Equal(("ha", Now - TimeSpan.FromMinutes(40), Now), (kept.UserId, kept.AcquiredAt, kept.HeartbeatAt));
    }

    [Fact]
    public void TakingAFreeOrExpiredLockStartsANewOne()
    {
        var expired = Lock("ha", TimeSpan.FromMinutes(3), acquiredAgo: TimeSpan.FromMinutes(40));

        var fromExpired = EditLockRules.Taken(expired, 7, "minh", Now, Timeout);
        var fromFree = EditLockRules.Taken(null, 7, "minh", Now, Timeout);
        var myOwnExpired = EditLockRules.Taken(expired, 7, "ha", Now, Timeout);

        Assert.Equal((7, "minh", Now, Now), (fromExpired.ArticleId, fromExpired.UserId, fromExpired.AcquiredAt, fromExpired.HeartbeatAt));
        Assert.Equal((7, "minh", Now, Now), (fromFree.ArticleId, fromFree.UserId, fromFree.AcquiredAt, fromFree.HeartbeatAt));
        Assert.Equal(Now, myOwnExpired.AcquiredAt);
    }

    [Theory]
    [InlineData("ha", 0, true)]
    [InlineData("ha", 11, true)]
    [InlineData("ha", 12, false)]
    [InlineData("ha", 90, false)]
    [InlineData("ha", -30, true)]
    [InlineData("minh", 0, false)]
    public void OnlyAPersonsOwnLockRenewedMomentsAgoNeedsNoWrite(string userId, int heartbeatSecondsAgo, bool fresh)
    {
        var held = Lock("ha", TimeSpan.FromSeconds(heartbeatSecondsAgo));

        Assert.Equal(fresh, EditLockRules.IsFresh(held, userId, Now, Timeout));
    }
}
