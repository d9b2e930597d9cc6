// Package bot is durand's chat-neutral layer. A Router turns a Message
// from any platform into a Response: a direct answer with supporting lines,
// sources and suggestions, or help, or a polite refusal. Adapters render a
// Response for their platform; nothing here knows Slack, Discord or the
// terminal.
package bot
