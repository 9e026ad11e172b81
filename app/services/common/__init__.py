"""What several ledgers share: the error users see, dates, record helpers, the village profile, Excel reading basics, the services context."""
