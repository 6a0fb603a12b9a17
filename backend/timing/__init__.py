"""When to follow up: business days, the rules as data, the schedule, reading timelines."""
