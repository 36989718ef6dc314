// The chat page's script (streams the supervisor's answer); filled by the chat page.
