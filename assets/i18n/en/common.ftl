# Words used all over prakan.
app-name = prakan ประกัน
loading = Loading…
language-switched = Switched to English for this session.
language-saved = English is now your preferred language.
connection-restored = The connection to the database is back.
role-name = { $role ->
        [agent] Agent
        [underwriter] Underwriter
        [adjuster] Adjuster
        [surveyor] Surveyor
        [finance] Finance
        [auditor] Auditor
        [admin] Administrator
       *[other] { $role }
    }
language-name = { $code ->
        [th] Thai
        [en] English
       *[other] { $code }
    }
demo-for-agent = agent: her own customers and quotes
demo-for-agent-other = agent: another agent's book
demo-for-underwriter = underwriter, authority up to ฿1,500,000
demo-for-underwriter-senior = senior underwriter, authority up to ฿5,000,000
demo-for-adjuster-50k = adjuster, approves up to ฿50,000
demo-for-adjuster-200k = adjuster, approves up to ฿200,000
demo-for-adjuster-senior = senior adjuster, approves up to ฿2,000,000
demo-for-surveyor = surveyor: assigned claims
demo-for-finance = finance: payments and reconciliation
demo-for-auditor = auditor: reads everything
demo-for-admin = administrator: staff and settings
date-unreadable = Type a date as day/month/year, e.g. 15/01/2530 or 15/01/1987.
date-no-such-date = There is no such date.
