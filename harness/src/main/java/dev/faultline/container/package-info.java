/**
 * Docker, through Testcontainers, for {@code launch: container}: one {@link
 * dev.faultline.container.ContainerSession} per run (its network, its labelled containers, its
 * Toxiproxy container), the images Faultline builds locally, and the cleanup that leaves nothing
 * behind on any exit path even with Testcontainers' Ryuk disabled.
 */
package dev.faultline.container;
