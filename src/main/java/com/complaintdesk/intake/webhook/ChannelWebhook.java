package com.complaintdesk.intake.webhook;

import com.complaintdesk.complaint.Channel;
import java.util.Arrays;
import java.util.Optional;

/**
 * The webhooks of {@code POST /api/channels/{channel}/messages}: the path segment a sending tool posts to, and
 * the channel its complaints are filed under. Each has its own secret, so one leaked secret opens one door.
 */
enum ChannelWebhook {
  SOCIAL_MEDIA("social-media", Channel.SOCIAL_MEDIA),
  /** Chat bots talk to users on the platform's social channels: their complaints count as social media. */
  CHAT("chat", Channel.SOCIAL_MEDIA),
  SURVEY("survey", Channel.SURVEY);

  private final String pathSegment;
  private final Channel channel;

  ChannelWebhook(String pathSegment, Channel channel) {
    this.pathSegment = pathSegment;
    this.channel = channel;
  }

  static Optional<ChannelWebhook> of(String pathSegment) {
    return Arrays.stream(values()).filter(webhook -> webhook.pathSegment.equals(pathSegment)).findFirst();
  }

  String pathSegment() {
    return pathSegment;
  }

  Channel channel() {
    return channel;
  }

  /** Only survey tools answer a complaint's survey; the others bring new complaints. */
  boolean takesSurveyAnswers() {
    return this == SURVEY;
  }
}
