"""Every write of meetings, one module a responsibility; the admin, pages, API and tasks all
call these (reads are ``meetings.selectors``')."""
